import type { ErrorCode } from '../contracts/result';

/** A failure a use case reports on purpose (refused, not found, conflict…); the resolver turns it into the envelope. */
export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(readonly code: ErrorCode, message: string) {
    super(message);
  }
}
