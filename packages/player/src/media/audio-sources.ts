/**
 * Mutes the sources of a recording's audio separately: the recorder puts the
 * speakers (output) on one stereo channel and the microphone (input) on the
 * other. The Web Audio graph is built only when a source is first muted, so
 * ordinary playback never depends on an AudioContext being allowed to run.
 */
interface Graph {
  context: AudioContext;
  gains: GainNode[];
  analysers: AnalyserNode[];
}

// createMediaElementSource() works once per element, so graphs live as long as their element.
const graphs = new WeakMap<HTMLMediaElement, Graph>();

export class AudioSourceMixer {
  readonly #media: HTMLMediaElement;

  constructor(media: HTMLMediaElement) {
    this.#media = media;
  }

  /** Returns false when this browser or element cannot route audio through Web Audio. */
  setChannelMuted(channel: 0 | 1, muted: boolean): boolean {
    let graph: Graph;
    try {
      graph = this.#graph();
    } catch {
      return false; // no Web Audio here: the recording keeps its plain stereo output
    }
    graph.gains[channel]!.gain.value = muted ? 0 : 1;
    void graph.context.resume().catch(() => undefined);
    return true;
  }

  /**
   * Releases the audio device when the player closes. Suspended, not closed:
   * the element stays bound to this context, and a player re-attached to the
   * same element resumes it on play.
   */
  suspend(): void {
    void graphs.get(this.#media)?.context.suspend().catch(() => undefined);
  }

  /** Keeps the graph running after a pause (browsers suspend idle contexts). */
  resume(): void {
    void graphs.get(this.#media)?.context.resume().catch(() => undefined);
  }

  /** RMS level per channel after muting (0…1), or null before any source was muted. */
  levels(): number[] | null {
    const graph = graphs.get(this.#media);
    if (!graph) return null;
    return graph.analysers.map((analyser) => {
      const samples = new Float32Array(analyser.fftSize);
      analyser.getFloatTimeDomainData(samples);
      return Math.sqrt(samples.reduce((sum, x) => sum + x * x, 0) / samples.length);
    });
  }

  #graph(): Graph {
    let graph = graphs.get(this.#media);
    if (graph) return graph;
    const context = new AudioContext();
    const source = context.createMediaElementSource(this.#media);
    const splitter = context.createChannelSplitter(2);
    const merger = context.createChannelMerger(2);
    source.connect(splitter);
    const gains = [0, 1].map((channel) => {
      const gain = context.createGain();
      splitter.connect(gain, channel);
      // Same layout as without the graph: each source stays on its own channel.
      gain.connect(merger, 0, channel);
      return gain;
    });
    const analysers = gains.map((gain) => {
      const analyser = context.createAnalyser();
      analyser.fftSize = 2048;
      gain.connect(analyser);
      return analyser;
    });
    merger.connect(context.destination);
    graph = { context, gains, analysers };
    graphs.set(this.#media, graph);
    return graph;
  }
}
