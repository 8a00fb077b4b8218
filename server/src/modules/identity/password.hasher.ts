import { hash, parseOptions, verify } from '@node-rs/argon2';

/**
 * Argon2id with OWASP's first recommended setting (19 MiB, 2 passes, 1 lane),
 * which is also @node-rs/argon2's default — so hashes made by the demo seed
 * verify and need no rehash.
 */
const policy = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
const argon2id = 2;

export async function hashPassword(password: string): Promise<string> {
  return hash(password, policy);
}

// Hashed once, lazily: verifying against it costs what a real verification costs.
let dummyHash: Promise<string> | undefined;

/**
 * Whether the password matches. Without a stored hash (unknown email, or a
 * Shopify-only user) it verifies against a dummy hash anyway, so the answer
 * takes as long as for a real account and timing does not reveal which emails exist.
 */
export async function verifyPassword(storedHash: string | null | undefined, password: string): Promise<boolean> {
  dummyHash ??= hash('closer dummy password that matches nothing', policy);
  const target = storedHash ?? (await dummyHash);
  let matches = false;
  try {
    matches = await verify(target, password);
  } catch {
    matches = false;
  }
  return matches && storedHash != null;
}

/** True for hashes made with weaker settings than today's policy: rehash them at the next login. */
export function needsRehash(storedHash: string): boolean {
  try {
    const options = parseOptions(storedHash);
    return (
      options.algorithm !== argon2id || options.memoryCost < policy.memoryCost || options.timeCost < policy.timeCost
    );
  } catch {
    return true;
  }
}
