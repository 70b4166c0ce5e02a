import type { z } from 'zod';

/** A resolver's contract: the zod schema of its payload and of the `data` in its Ok result. */
export type Procedure<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> = { input: I; output: O };
export type Procedures = Record<string, Procedure>;

export const procedure = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O): Procedure<I, O> => ({ input, output });

export type InputOf<P extends Procedures, K extends keyof P> = z.input<P[K]['input']>;
export type OutputOf<P extends Procedures, K extends keyof P> = z.infer<P[K]['output']>;

/** Resolver payloads larger than this are refused before parsing (Forge's own limit is far above any real form). */
export const MAX_PAYLOAD_CHARS = 512 * 1024;
