// The glyph model: a small fully connected network (ReLU hidden layers, softmax output)
// over a normalised CELL_W x CELL_H patch, 37 classes (MRZ_ALPHABET order).
// Weights are int8 with one float scale per output row, packed as base64 (see packModel).

export interface Dense { nIn: number; nOut: number; w: Float32Array; b: Float32Array }
export interface Mlp { layers: Dense[] }

/** Forward pass; returns class probabilities. `scratch` buffers are reused between calls. */
export function forward(m: Mlp, x: Float32Array, out?: Float32Array): Float32Array {
  let a = x;
  for (let l = 0; l < m.layers.length; l++) {
    const L = m.layers[l];
    const z = l === m.layers.length - 1 && out ? out : new Float32Array(L.nOut);
    const { w, b, nIn, nOut } = L;
    for (let o = 0; o < nOut; o++) {
      let s = b[o];
      const row = o * nIn;
      for (let i = 0; i < nIn; i++) s += w[row + i] * a[i];
      z[o] = l < m.layers.length - 1 ? (s > 0 ? s : 0) : s;
    }
    a = z;
  }
  softmaxInPlace(a);
  return a;
}

export function softmaxInPlace(z: Float32Array): void {
  let max = -Infinity;
  for (let i = 0; i < z.length; i++) if (z[i] > max) max = z[i];
  let s = 0;
  for (let i = 0; i < z.length; i++) { z[i] = Math.exp(z[i] - max); s += z[i]; }
  for (let i = 0; i < z.length; i++) z[i] /= s;
}

function b64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function bytesToB64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Packs a model: per layer nIn,nOut (u32), scales f32[nOut], bias f32[nOut], weights i8[nOut*nIn]. */
export function packModel(m: Mlp): string {
  let size = 4;
  for (const L of m.layers) size += 8 + 8 * L.nOut + L.nOut * L.nIn;
  const buf = new ArrayBuffer(size + 8);
  const dv = new DataView(buf);
  let p = 0;
  dv.setUint32(p, m.layers.length, true); p += 4;
  for (const L of m.layers) {
    dv.setUint32(p, L.nIn, true); p += 4;
    dv.setUint32(p, L.nOut, true); p += 4;
    const scales: number[] = [];
    for (let o = 0; o < L.nOut; o++) {
      let mx = 0;
      for (let i = 0; i < L.nIn; i++) mx = Math.max(mx, Math.abs(L.w[o * L.nIn + i]));
      const s = mx / 127 || 1e-8;
      scales.push(s);
      dv.setFloat32(p, s, true); p += 4;
    }
    for (let o = 0; o < L.nOut; o++) { dv.setFloat32(p, L.b[o], true); p += 4; }
    for (let o = 0; o < L.nOut; o++) {
      for (let i = 0; i < L.nIn; i++) {
        dv.setInt8(p++, Math.max(-127, Math.min(127, Math.round(L.w[o * L.nIn + i] / scales[o]))));
      }
    }
  }
  return bytesToB64(new Uint8Array(buf, 0, p));
}

export function unpackModel(b64: string): Mlp {
  const bytes = b64ToBytes(b64);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let p = 0;
  const n = dv.getUint32(p, true); p += 4;
  const layers: Dense[] = [];
  for (let l = 0; l < n; l++) {
    const nIn = dv.getUint32(p, true); p += 4;
    const nOut = dv.getUint32(p, true); p += 4;
    const scales = new Float32Array(nOut);
    for (let o = 0; o < nOut; o++) { scales[o] = dv.getFloat32(p, true); p += 4; }
    const b = new Float32Array(nOut);
    for (let o = 0; o < nOut; o++) { b[o] = dv.getFloat32(p, true); p += 4; }
    const w = new Float32Array(nOut * nIn);
    for (let o = 0; o < nOut; o++) for (let i = 0; i < nIn; i++) w[o * nIn + i] = dv.getInt8(p++) * scales[o];
    layers.push({ nIn, nOut, w, b });
  }
  return { layers };
}
