// The live reading loop: grab the video under the guide, read it in the worker (one frame in
// flight), vote the recent frames, and stop once the vote settles every character.
import { usableReading, voteMrz, type VoteResult } from '../../../domain/mrz/vote';
import type { MrzReading } from '../../../domain/mrz/types';
import { fitLongSide, glareShare, guideCrop } from './frame';
import { guidanceFor, type Guidance } from './guidance';
import { readInWorker } from './scan';

/** Long side of the crop handed to the reader: enough for the print, fast enough for ≥ 5 frames a second. */
const MAX_SIDE = 1280;
/** Frames voted: about two seconds of reading; older frames (the page moving in) drop out. */
const WINDOW = 8;

export interface LiveStats { frames: number; ms: number }

export interface LiveScanHandlers {
  onGuidance: (g: Guidance) => void;
  /** each frame's vote so far (for filling in before it settles, marked for checking) */
  onVote?: (vote: VoteResult, stats: LiveStats) => void;
  onSettled: (reading: MrzReading, stats: LiveStats) => void;
  onError: (err: unknown) => void;
}

function grab(video: HTMLVideoElement, view: { w: number; h: number }): { image: ImageData; glare: number } | null {
  const vw = video.videoWidth, vh = video.videoHeight;
  if (!vw || !vh || video.readyState < 2) return null;
  const c = guideCrop(vw, vh, view.w || vw, view.h || vh);
  const out = fitLongSide(c.w, c.h, MAX_SIDE);
  const canvas = new OffscreenCanvas(out.w, out.h);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return null;
  ctx.drawImage(video, c.x, c.y, c.w, c.h, 0, 0, out.w, out.h);
  const image = ctx.getImageData(0, 0, out.w, out.h);
  return { image, glare: glareShare(image.data) };
}

/**
 * Resolves when the video shows a frame not read yet: the same picture read twice would be
 * two votes for one look. Browsers without requestVideoFrameCallback wait one frame period.
 */
function freshFrames(video: HTMLVideoElement): { next: () => Promise<void>; stop: () => void } {
  let shown = 0, taken = -1, handle = 0, stopped = false;
  const waiters: Array<() => void> = [];
  const rvfc = typeof video.requestVideoFrameCallback === 'function';
  const onFrame: VideoFrameRequestCallback = (_now, meta) => {
    shown = meta.presentedFrames;
    waiters.splice(0).forEach((w) => w());
    if (!stopped) handle = video.requestVideoFrameCallback(onFrame);
  };
  if (rvfc) handle = video.requestVideoFrameCallback(onFrame);
  const period = () => 1000 / ((video.srcObject as MediaStream | null)?.getVideoTracks()[0]?.getSettings().frameRate || 30);
  return {
    next: () => {
      if (!rvfc) return new Promise((r) => setTimeout(r, period()));
      if (shown !== taken) { taken = shown; return Promise.resolve(); }
      return new Promise((r) => waiters.push(() => { taken = shown; r(); }));
    },
    stop: () => { stopped = true; if (rvfc) video.cancelVideoFrameCallback(handle); },
  };
}

/** Starts reading `video`; `view` gives the size it is shown at (for the guide). Returns stop(). */
export function startLiveScan(video: HTMLVideoElement, view: () => { w: number; h: number }, on: LiveScanHandlers): () => void {
  let stopped = false;
  const recent: MrzReading[] = [];
  let frames = 0;
  let t0 = 0;
  const fresh = freshFrames(video);

  const next = async (): Promise<void> => {
    if (stopped) return;
    await fresh.next();
    if (stopped) return;
    const frame = grab(video, view());
    if (!frame) { setTimeout(() => void next(), 50); return; }
    if (!t0) t0 = performance.now();
    const { image, glare } = frame;
    let reading: MrzReading;
    try {
      // once a frame read upright, the page is upright: other orientations would only cost time
      const last = recent[recent.length - 1];
      const tryRotations = !(last && usableReading(last));
      reading = await readInWorker({ width: image.width, height: image.height, data: image.data }, { tryRotations });
    } catch (err) {
      if (!stopped) on.onError(err);
      return;
    }
    if (stopped) return;
    frames++;
    recent.push(reading);
    if (recent.length > WINDOW) recent.shift();
    const vote: VoteResult | null = voteMrz(recent);
    on.onGuidance(guidanceFor(reading, vote, glare));
    if (vote && !vote.settled) on.onVote?.(vote, { frames, ms: performance.now() - t0 });
    if (vote?.settled) {
      stopped = true;
      fresh.stop();
      on.onSettled(vote.reading, { frames, ms: performance.now() - t0 });
      return;
    }
    setTimeout(() => void next(), 0);
  };
  void next();
  return () => { stopped = true; fresh.stop(); };
}
