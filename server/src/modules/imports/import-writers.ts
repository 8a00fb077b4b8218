import type { Prisma, PrismaClient } from '@prisma/client';
import type { ProductUpsert } from '../catalog';
import { ContactConflictError, type ContactUpsert, saveContactByEmail } from '../contacts';
import type { RowProblem } from './import-unit';
import { writeOrderBatch } from './order-batch.writer';
import type { OrderDraft } from './orders-csv.mapper';
import { describeProductWriteError, writeProductBatch } from './product-batch.repo';

/**
 * One writer per kind. `write` gets the batch's transaction, which holds the
 * run's row: a writer that can write inside it (products, orders) commits its
 * rows and the run's counters together, so a crash leaves neither. Contacts go
 * through the contacts module's own writes (one per person, idempotent by
 * email); a crash between them and the counters only means writing them again.
 */
export interface WriteContext {
  tx: Prisma.TransactionClient;
  prisma: PrismaClient;
  workspaceId: string;
  currency: string;
}

/** null when the unit was written; otherwise why not, and on which row when it is one row's fault. */
export type UnitOutcome = null | (RowProblem & { row?: number });

export interface UnitWriter<Value> {
  write(context: WriteContext, values: Value[]): Promise<UnitOutcome[]>;
  /**
   * An error that one unit of the batch caused (a unique value it collides
   * with), as the person should read it; undefined for errors that are ours.
   * The batch is then written unit by unit to find the culprit.
   */
  describeError(error: unknown): RowProblem | undefined;
}

export const productWriter: UnitWriter<ProductUpsert> = {
  write: ({ tx, workspaceId, currency }, products) => writeProductBatch(tx, workspaceId, products, { currency }),
  describeError: describeProductWriteError,
};

export const orderWriter: UnitWriter<OrderDraft> = {
  write: ({ tx, workspaceId, currency }, drafts) => writeOrderBatch(tx, workspaceId, drafts, { currency }),
  describeError: (error) =>
    (error as { code?: string }).code === 'P2002'
      ? { message: 'Another import or sync wrote this order at the same moment; import the file again.' }
      : undefined,
};

export const contactWriter: UnitWriter<ContactUpsert> = {
  async write({ prisma, workspaceId }, contacts) {
    const outcomes: UnitOutcome[] = [];
    for (const contact of contacts) {
      try {
        await saveContactByEmail(prisma, workspaceId, contact, 'api');
        outcomes.push(null);
      } catch (error) {
        if (!(error instanceof ContactConflictError)) throw error;
        outcomes.push({ field: 'customer id', message: error.message });
      }
    }
    return outcomes;
  },
  describeError: () => undefined,
};
