/** An error reply in Jira's shape: `{ errorMessages: string[], errors: Record<string, string> }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorMessages: string[],
    readonly errors: Record<string, string> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(errorMessages[0] ?? Object.values(errors)[0] ?? `HTTP ${status}`);
  }
  get body() {
    return { errorMessages: this.errorMessages, errors: this.errors };
  }
}
export const badRequest = (message: string) => new ApiError(400, [message]);
export const fieldErrors = (errors: Record<string, string>) => new ApiError(400, [], errors);
export const forbidden = (message: string) => new ApiError(403, [message]);
export const notFound = (message: string) => new ApiError(404, [message]);
export const ISSUE_NOT_FOUND = 'Issue does not exist or you do not have permission to see it.';
