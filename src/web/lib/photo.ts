/**
 * Evidence photos at capture (issue 13 §2): resized on the device to the scheme's longest edge
 * (`fieldwork.photoMaxEdgePx` in the library file, never a number here) before they are kept,
 * hashed and sent, so a photo goes through a weak signal and the hash the server checks is the
 * one of the bytes the device keeps. The size rule is pure (`photoTargetSize`); the resize uses
 * the browser's own decoder and canvas (`createImageBitmap`), no library.
 */

export interface Size {
  width: number;
  height: number;
}

/**
 * The size to store a `width`×`height` photo at: unchanged when its longest edge is within
 * `maxEdge` (or no limit is set), else scaled down keeping the aspect ratio, the longest edge
 * exactly `maxEdge`, the other rounded and at least 1 pixel.
 */
export function photoTargetSize(width: number, height: number, maxEdge: number | undefined): Size {
  const longest = Math.max(width, height);
  if (!maxEdge || maxEdge <= 0 || longest <= maxEdge) return { width, height };
  const scale = maxEdge / longest;
  return width >= height
    ? { width: maxEdge, height: Math.max(1, Math.round(height * scale)) }
    : { width: Math.max(1, Math.round(width * scale)), height: maxEdge };
}

/** The stored name of a photo re-encoded as JPEG: its extension follows the bytes. */
export function jpegName(filename: string): string {
  const base = filename.replace(/\.[A-Za-z0-9]{1,5}$/, '');
  return `${base || 'foto'}.jpg`;
}

export interface PreparedPhoto {
  blob: Blob;
  mime: string;
  /** The stored size, and whether it was resized. */
  width: number;
  height: number;
  resized: boolean;
}

/**
 * The photo as it will be kept: re-encoded as JPEG at `photoTargetSize` when its longest edge
 * is over `maxEdge`, else the bytes as taken. A browser that cannot decode it keeps it as taken
 * (the server still checks its structure).
 */
export async function preparePhoto(file: Blob, mime: string, maxEdge: number | undefined, quality = 0.85): Promise<PreparedPhoto> {
  if (typeof createImageBitmap !== 'function') return { blob: file, mime, width: 0, height: 0, resized: false };
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return { blob: file, mime, width: 0, height: 0, resized: false };
  }
  try {
    const target = photoTargetSize(bitmap.width, bitmap.height, maxEdge);
    if (target.width === bitmap.width && target.height === bitmap.height)
      return { blob: file, mime, width: bitmap.width, height: bitmap.height, resized: false };
    const blob = await drawJpeg(bitmap, target, quality);
    return { blob, mime: 'image/jpeg', width: target.width, height: target.height, resized: true };
  } finally {
    bitmap.close();
  }
}

async function drawJpeg(bitmap: ImageBitmap, size: Size, quality: number): Promise<Blob> {
  if (typeof OffscreenCanvas === 'function') {
    const canvas = new OffscreenCanvas(size.width, size.height);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d canvas');
    ctx.drawImage(bitmap, 0, 0, size.width, size.height);
    return canvas.convertToBlob({ type: 'image/jpeg', quality });
  }
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d canvas');
  ctx.drawImage(bitmap, 0, 0, size.width, size.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob failed'))), 'image/jpeg', quality),
  );
}
