import type { ErrorCode, FieldIssue } from '../contracts/result';

/**
 * A failure a use case reports on purpose (refused, not found, conflict…); the resolver turns it into the envelope.
 * `issues` (path → message) lets a form show a BAD_REQUEST next to its fields, as zod input errors are.
 */
export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(readonly code: ErrorCode, message: string, readonly issues?: FieldIssue[]) {
    super(message);
  }
}
