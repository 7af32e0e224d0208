// Where the passport should be in a camera frame: the guide drawn over the video, and the
// part of the video it covers. Pure geometry, so the crop the reader gets is tested.

export interface Box { x: number; y: number; w: number; h: number }

/** A passport data page (ID-3, 125 × 88 mm) in landscape. */
export const PAGE_ASPECT = 125 / 88;

/** The guide frame in the view: centred, 90 % of the width, at most 80 % of the height. */
export function guideBox(viewW: number, viewH: number): Box {
  let w = viewW * 0.9;
  let h = w / PAGE_ASPECT;
  if (h > viewH * 0.8) { h = viewH * 0.8; w = h * PAGE_ASPECT; }
  return { x: (viewW - w) / 2, y: (viewH - h) / 2, w, h };
}

/**
 * The video pixels under the guide (the video fills the view as CSS object-fit: cover does),
 * widened by `margin` of the guide's size on every side so a page held a little off still
 * reaches the reader, and clamped to the video.
 */
export function guideCrop(videoW: number, videoH: number, viewW: number, viewH: number, margin = 0.12): Box {
  const s = Math.max(viewW / videoW, viewH / videoH);
  const offX = (videoW * s - viewW) / 2;
  const offY = (videoH * s - viewH) / 2;
  const g = guideBox(viewW, viewH);
  const x0 = Math.max(0, (g.x - margin * g.w + offX) / s);
  const y0 = Math.max(0, (g.y - margin * g.h + offY) / s);
  const x1 = Math.min(videoW, (g.x + g.w * (1 + margin) + offX) / s);
  const y1 = Math.min(videoH, (g.y + g.h * (1 + margin) + offY) / s);
  return { x: Math.round(x0), y: Math.round(y0), w: Math.round(x1 - x0), h: Math.round(y1 - y0) };
}

/** Size scaled down (never up) so the long side is at most `max`. */
export function fitLongSide(w: number, h: number, max: number): { w: number; h: number } {
  const k = Math.min(1, max / Math.max(w, h));
  return { w: Math.max(1, Math.round(w * k)), h: Math.max(1, Math.round(h * k)) };
}

/** Share of sampled pixels blown out to white (all channels ≥ 250): light reflected off the page. */
export function glareShare(data: Uint8ClampedArray | Uint8Array, step = 7): number {
  let n = 0, hot = 0;
  for (let o = 0; o + 2 < data.length; o += 4 * step) {
    n++;
    if (data[o] >= 250 && data[o + 1] >= 250 && data[o + 2] >= 250) hot++;
  }
  return n ? hot / n : 0;
}
