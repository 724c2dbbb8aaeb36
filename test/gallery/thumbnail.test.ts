/** Thumbnails of the gallery overview: points computed here from the view box, not by the module. */
import { describe, expect, it } from 'vitest';
import { thumbnailBox, thumbnailLines } from '../../src/gallery/thumbnail.ts';
import { summarize, type Curve } from '../../src/widgets/schedule-chart/model.ts';

const curve = (x: number[], lr: number[]): Curve => ({
  label: 'test',
  x: Float64Array.from(x),
  lr: Float64Array.from(lr),
  summary: summarize(lr),
  restarts: [],
});

describe('thumbnailLines', () => {
  it('maps x from 0 to the run length and y from 0 to the maximum inside the inset', () => {
    const { width, height, inset } = thumbnailBox;
    expect([width, height, inset]).toEqual([160, 72, 4]);
    // x: 0 → 4, 1 → 80, 2 → 156; y: 1 → 4, 0.5 → 36, 0 → 68.
    expect(thumbnailLines([curve([0, 1, 2], [1, 0.5, 0])], 2)).toEqual(['4,4 80,36 156,68']);
  });

  it('leaves room after the last sample when the run is longer', () => {
    // epochs 4: x 1 → 42.
    expect(thumbnailLines([curve([0, 1], [0.2, 0.1])], 4)).toEqual(['4,4 42,36']);
  });

  it('draws a flat zero curve on the baseline instead of dividing by zero', () => {
    expect(thumbnailLines([curve([0, 1], [0, 0])], 1)).toEqual(['4,68 156,68']);
  });

  it('shares one scale between curves', () => {
    expect(thumbnailLines([curve([0, 1], [1, 1]), curve([0, 1], [0.5, 0.5])], 1)).toEqual([
      '4,4 156,4',
      '4,36 156,36',
    ]);
  });
});
