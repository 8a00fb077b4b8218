/** Text fields of a posted form as plain strings (missing → ''). */
export function formText<Name extends string>(form: FormData, ...names: Name[]): Record<Name, string> {
  const values = {} as Record<Name, string>;
  for (const name of names) {
    const value = form.get(name);
    values[name] = typeof value === 'string' ? value : '';
  }
  return values;
}
