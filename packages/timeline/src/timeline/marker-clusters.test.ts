import { expect } from 'chai';
import {
  ADJACENT_DEAD_ZONE_MS,
  adjacentMarker,
  clusterAt,
  clusterMarkers,
  sortMarkers,
  type MarkerCluster,
} from './marker-clusters.js';
import type { MarkerSeverity, TimelineMarker } from './types.js';

const marker = (at: number, severity?: MarkerSeverity, id = `m${at}`): TimelineMarker => ({
  id,
  at,
  kind: 'notification',
  title: `at ${at}`,
  ...(severity ? { severity } : {}),
});

const ids = (cluster: MarkerCluster): string[] => cluster.markers.map((m) => m.id);

// 1 px per ms makes positions easy to read.
const VIEW = { start: 0, end: 1000 };
const WIDTH = 1000;

describe('marker clusters', () => {
  describe('sortMarkers', () => {
    it('sorts by instant without touching the input, keeping ties in input order', () => {
      const input = [marker(30), marker(10, undefined, 'a'), marker(20), marker(10, undefined, 'b')];
      const sorted = sortMarkers(input);
      expect(sorted.map((m) => m.id)).to.deep.equal(['a', 'b', 'm20', 'm30']);
      expect(input.map((m) => m.id)).to.deep.equal(['m30', 'a', 'm20', 'b']);
    });
  });

  describe('clusterMarkers', () => {
    it('merges markers closer than the gap and keeps only those in view, both edges included', () => {
      const sorted = sortMarkers([marker(-5), marker(0), marker(5), marker(10), marker(30), marker(1000), marker(1001)]);
      const clusters = clusterMarkers(sorted, VIEW, WIDTH, 10);
      expect(clusters.map(ids)).to.deep.equal([['m0', 'm5', 'm10'], ['m30'], ['m1000']]);
      expect(clusters.map((c) => c.x)).to.deep.equal([5, 30, 1000]);
      expect(clusters[0]).to.include({ start: 0, end: 10 });
    });

    it('keeps markers exactly the gap apart separate', () => {
      const sorted = sortMarkers([marker(100), marker(110), marker(300), marker(309.5)]);
      expect(clusterMarkers(sorted, VIEW, WIDTH, 10).map(ids)).to.deep.equal([['m100'], ['m110'], ['m300', 'm309.5']]);
    });

    it('measures the gap from the last marker of the cluster, so a dense run chains', () => {
      const sorted = sortMarkers([marker(0), marker(8), marker(16), marker(24), marker(40)]);
      const clusters = clusterMarkers(sorted, VIEW, WIDTH, 10);
      expect(clusters.map(ids)).to.deep.equal([['m0', 'm8', 'm16', 'm24'], ['m40']]);
      // Midway between first and last, not the mean (which would also be 12 here: see the next case).
      expect(clusters[0]!.x).to.equal(12);
      const lopsided = clusterMarkers(sortMarkers([marker(0), marker(1), marker(2), marker(9)]), VIEW, WIDTH, 10);
      expect(lopsided[0]!.x).to.equal(4.5);
    });

    it('caps a chained run at three gaps, so a busy stretch is a row of badges', () => {
      const sorted = sortMarkers(Array.from({ length: 11 }, (_, i) => marker(i * 8)));
      const clusters = clusterMarkers(sorted, VIEW, WIDTH, 10);
      expect(clusters.map(ids)).to.deep.equal([
        ['m0', 'm8', 'm16', 'm24'],
        ['m32', 'm40', 'm48', 'm56'],
        ['m64', 'm72', 'm80'],
      ]);
      // Badge centres more than a gap apart: they never overlap.
      expect(clusters[1]!.x - clusters[0]!.x).to.be.above(10);
    });

    it('works in pixels, so zooming in splits clusters', () => {
      const sorted = sortMarkers([marker(100), marker(106)]);
      expect(clusterMarkers(sorted, VIEW, WIDTH, 10)).to.have.length(1);
      const zoomed = clusterMarkers(sorted, VIEW, 2 * WIDTH, 10);
      expect(zoomed.map((c) => c.x)).to.deep.equal([200, 212]);
      const panned = clusterMarkers(sorted, { start: 50, end: 150 }, WIDTH, 10);
      expect(panned.map((c) => c.x)).to.deep.equal([500, 560]);
    });

    it('gives the cluster its most severe severity, none when no marker has one', () => {
      const sorted = sortMarkers([
        marker(0, 'medium'), marker(2, 'critical'), marker(4, 'low'),
        marker(100),
        marker(200, 'low'), marker(202), marker(204, 'high'),
      ]);
      const clusters = clusterMarkers(sorted, VIEW, WIDTH, 10);
      expect(clusters.map((c) => c.severity)).to.deep.equal(['critical', undefined, 'high']);
      expect(clusters[1]).not.to.have.property('severity');
    });

    it('hands out the sorted markers themselves, in order', () => {
      const sorted = sortMarkers([marker(3), marker(1), marker(2)]);
      const [cluster] = clusterMarkers(sorted, VIEW, WIDTH, 10);
      expect(cluster!.markers).to.deep.equal(sorted);
      expect(cluster!.markers[0]).to.equal(sorted[0]);
    });

    it('returns nothing for no markers, none in view, a zero width or an empty view', () => {
      const sorted = sortMarkers([marker(10), marker(20)]);
      expect(clusterMarkers([], VIEW, WIDTH, 10)).to.deep.equal([]);
      expect(clusterMarkers(sorted, { start: 500, end: 900 }, WIDTH, 10)).to.deep.equal([]);
      expect(clusterMarkers(sorted, VIEW, 0, 10)).to.deep.equal([]);
      expect(clusterMarkers(sorted, { start: 10, end: 10 }, WIDTH, 10)).to.deep.equal([]);
    });

    it('clusters 10 000 markers in well under a frame', () => {
      const day = 86_400_000;
      let seed = 11;
      const random = (): number => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
      const severities: Array<MarkerSeverity | undefined> = ['low', 'medium', 'high', 'critical', undefined];
      // A week of sessions: 400 bursts of 25 notifications each, a few seconds apart.
      const markers: TimelineMarker[] = [];
      for (let burst = 0; burst < 400; burst++) {
        const at = random() * 7 * day;
        for (let i = 0; i < 25; i++) {
          markers.push(marker(Math.floor(at + random() * 30_000), severities[markers.length % 5], `m${markers.length}`));
        }
      }
      const sorted = sortMarkers(markers);
      const timeFrames = (view: (frame: number) => { start: number; end: number }) => {
        for (let i = 0; i < 10; i++) clusterMarkers(sorted, view(i), 1600, 6);
        const timings: number[] = [];
        let clusters: MarkerCluster[] = [];
        for (let i = 0; i < 60; i++) {
          const t0 = performance.now();
          clusters = clusterMarkers(sorted, view(i), 1600, 6);
          timings.push(performance.now() - t0);
        }
        timings.sort((a, b) => a - b);
        return { clusters, median: timings[timings.length >> 1]!, worst: timings.at(-1)! };
      };

      // Panning over the whole week: every marker is in view.
      const week = timeFrames((i) => ({ start: i * 60_000, end: 7 * day + i * 60_000 }));
      console.log(
        `clusterMarkers, 10k markers in view → ${week.clusters.length} clusters: ` +
          `median ${week.median.toFixed(2)} ms, worst ${week.worst.toFixed(2)} ms per frame`,
      );
      expect(week.median).to.be.below(5);
      const last = { start: 59 * 60_000, end: 7 * day + 59 * 60_000 };
      const inView = sorted.filter((m) => m.at >= last.start && m.at <= last.end).length;
      expect(week.clusters.reduce((n, c) => n + c.markers.length, 0)).to.equal(inView);
      expect(week.clusters.length).to.be.greaterThan(50);

      // Zoomed in to ten minutes: only the visible slice is touched.
      const zoomed = timeFrames((i) => ({ start: 3 * day + i * 1000, end: 3 * day + 600_000 + i * 1000 }));
      console.log(`clusterMarkers, 10 minutes of 10k markers: median ${zoomed.median.toFixed(2)} ms`);
      expect(zoomed.median).to.be.below(0.5);
    });
  });

  describe('clusterAt', () => {
    const clusters = clusterMarkers(sortMarkers([marker(0), marker(5), marker(10), marker(30), marker(1000)]), VIEW, WIDTH, 10);
    const xAt = (x: number, tolerance: number): number | undefined => clusterAt(clusters, x, tolerance)?.x;

    it('finds the nearest cluster within the tolerance', () => {
      expect(xAt(5, 0)).to.equal(5);
      expect(xAt(17, 12)).to.equal(5);
      expect(xAt(18, 12)).to.equal(30);
      expect(xAt(990, 12)).to.equal(1000);
      expect(xAt(-3, 8)).to.equal(5);
    });

    it('finds nothing beyond the tolerance, and picks the earlier cluster on a tie', () => {
      expect(xAt(17.5, 12)).to.equal(undefined);
      expect(xAt(17.5, 12.5)).to.equal(5);
      expect(xAt(500, 100)).to.equal(undefined);
      expect(xAt(1020, 19)).to.equal(undefined);
      expect(xAt(-4, 8)).to.equal(undefined);
      expect(clusterAt([], 10, 100)).to.equal(null);
    });
  });

  describe('adjacentMarker', () => {
    const S = 1000;
    const sorted = sortMarkers([marker(30 * S), marker(10 * S), marker(20 * S)]);
    const adjacent = (at: number, direction: 'previous' | 'next'): number | undefined =>
      adjacentMarker(sorted, at, direction)?.at;

    it('goes to the marker before or after when sitting on a marker', () => {
      expect(adjacent(20 * S, 'previous')).to.equal(10 * S);
      expect(adjacent(20 * S, 'next')).to.equal(30 * S);
    });

    it('treats a playhead within the dead zone of a marker as on it', () => {
      expect(ADJACENT_DEAD_ZONE_MS).to.equal(500);
      expect(adjacent(20 * S + 400, 'previous')).to.equal(10 * S);
      expect(adjacent(20 * S + 500, 'previous')).to.equal(10 * S);
      expect(adjacent(20 * S + 501, 'previous')).to.equal(20 * S);
      expect(adjacent(20 * S - 400, 'next')).to.equal(30 * S);
      expect(adjacent(20 * S - 501, 'next')).to.equal(20 * S);
    });

    it('goes to the neighbours when between markers', () => {
      expect(adjacent(25 * S, 'previous')).to.equal(20 * S);
      expect(adjacent(25 * S, 'next')).to.equal(30 * S);
    });

    it('returns null past either end', () => {
      expect(adjacent(10 * S, 'previous')).to.equal(undefined);
      expect(adjacent(5 * S, 'previous')).to.equal(undefined);
      expect(adjacent(5 * S, 'next')).to.equal(10 * S);
      expect(adjacent(30 * S, 'next')).to.equal(undefined);
      expect(adjacent(35 * S, 'next')).to.equal(undefined);
      expect(adjacent(35 * S, 'previous')).to.equal(30 * S);
      expect(adjacentMarker([], 0, 'next')).to.equal(null);
      expect(adjacentMarker(sorted, 10 * S, 'previous')).to.equal(null);
    });
  });
});
