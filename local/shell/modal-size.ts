/**
 * Forge modal sizes as the Custom UI docs give them (custom-ui-bridge/modal: small 400 px × 20vh, min 320 px;
 * medium 600 × 40vh, min 520; large 800 × 70vh, min 720; xlarge 968 × 90vh; max 100 % × 100 %), never taller or
 * wider than the window leaves room for (Atlaskit's modal keeps 60 px above and below).
 */
export type ModalBox = { width: string; height: string };

const named: Record<string, ModalBox> = {
  small: { width: '400px', height: 'max(20vh, 320px)' },
  medium: { width: '600px', height: 'max(40vh, 520px)' },
  large: { width: '800px', height: 'max(70vh, 720px)' },
  xlarge: { width: '968px', height: '90vh' },
  max: { width: '100%', height: '100%' },
  fullscreen: { width: '100%', height: '100%' },
};

const CSS_LENGTH = /^\d+(\.\d+)?(px|%|vh|vw|rem|em)$/;

export function modalBox(size: unknown): ModalBox {
  if (typeof size === 'string' && named[size]) return named[size]!;
  if (typeof size === 'object' && size !== null) {
    const { width, height } = size as { width?: unknown; height?: unknown };
    if (typeof width === 'string' && CSS_LENGTH.test(width)) return { width, height: typeof height === 'string' && CSS_LENGTH.test(height) ? height : named.medium!.height };
  }
  return named.medium!;
}

/** The box capped to the window: `min(size, room)`. */
export const cappedBox = (box: ModalBox): ModalBox => ({ width: `min(${box.width}, calc(100vw - 40px))`, height: `min(${box.height}, calc(100vh - 120px))` });
