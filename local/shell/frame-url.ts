/** Builds the `/__app/frame` URL the local server answers with a Custom UI app and the bridge host injected. */

/** base64url of UTF-8 JSON (what the server decodes from `ctx`). */
export function encodeContext(context: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(context));
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function decodeContext(encoded: string): unknown {
  const base64 = encoded.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)))) as unknown;
}

export type FrameUrlInput = {
  resource: string;
  moduleKey: string;
  frameId: string;
  accountId: string;
  context: Record<string, unknown>;
  route?: string;
  /** The frame is the content of host modal `modalId`. */
  modalId?: string;
};

export function buildFrameUrl(input: FrameUrlInput): string {
  const params = new URLSearchParams({ resource: input.resource, module: input.moduleKey, frameId: input.frameId, accountId: input.accountId });
  if (input.route !== undefined) params.set('route', input.route);
  if (input.modalId !== undefined) params.set('modal', input.modalId);
  params.set('ctx', encodeContext(input.context));
  return `/__app/frame?${params.toString()}`;
}
