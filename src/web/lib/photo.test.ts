import { describe, expect, it } from 'vitest';
import { jpegName, photoTargetSize, preparePhoto } from './photo.ts';

describe('photoTargetSize', () => {
  it.each([
    // landscape phone photo → longest edge exactly the limit, aspect kept
    [4000, 3000, 1600, { width: 1600, height: 1200 }],
    // portrait
    [3000, 4000, 1600, { width: 1200, height: 1600 }],
    // square
    [2000, 2000, 1600, { width: 1600, height: 1600 }],
    // rounding of the short edge: 4032×3024 × (1600/4032) = 1200
    [4032, 3024, 1600, { width: 1600, height: 1200 }],
    // 1920×1081 × (1280/1920) = 720.67 → 721
    [1920, 1081, 1280, { width: 1280, height: 721 }],
    // a panorama keeps at least one pixel on its short edge
    [100_000, 10, 1600, { width: 1600, height: 1 }],
    // already small enough: unchanged (never enlarged)
    [1600, 900, 1600, { width: 1600, height: 900 }],
    [640, 480, 1600, { width: 640, height: 480 }],
  ])('%i×%i at most %i → %o', (w, h, max, want) => {
    expect(photoTargetSize(w, h, max)).toEqual(want);
  });

  it('keeps the photo as taken when the scheme sets no limit', () => {
    expect(photoTargetSize(4000, 3000, undefined)).toEqual({ width: 4000, height: 3000 });
    expect(photoTargetSize(4000, 3000, 0)).toEqual({ width: 4000, height: 3000 });
  });
});

describe('jpegName', () => {
  it.each([
    ['IMG_0001.PNG', 'IMG_0001.jpg'],
    ['papan.informasi.webp', 'papan.informasi.jpg'],
    ['foto', 'foto.jpg'],
    ['.png', 'foto.jpg'],
  ])('%s → %s', (name, want) => expect(jpegName(name)).toBe(want));
});

describe('preparePhoto', () => {
  it('keeps the bytes as taken where the browser cannot decode images (jsdom)', async () => {
    const file = new Blob([new Uint8Array([0x89, 0x50])], { type: 'image/png' });
    const out = await preparePhoto(file, 'image/png', 1600);
    expect(out.blob).toBe(file);
    expect(out).toMatchObject({ mime: 'image/png', resized: false });
  });
});
