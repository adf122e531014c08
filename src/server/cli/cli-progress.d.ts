// The part of cli-progress (which ships no types) that the import command uses.
declare module 'cli-progress' {
  interface Options {
    format?: string;
    stream?: NodeJS.WritableStream;
    hideCursor?: boolean;
    clearOnComplete?: boolean;
    barsize?: number;
    fps?: number;
    formatValue?: (value: number, options: unknown, type: string) => string;
  }
  interface Preset {
    barCompleteChar: string;
    barIncompleteChar: string;
  }
  class SingleBar {
    constructor(options: Options, preset?: Preset);
    start(total: number, startValue: number, payload?: Record<string, unknown>): void;
    update(current: number, payload?: Record<string, unknown>): void;
    setTotal(total: number): void;
    stop(): void;
  }
  const cliProgress: { SingleBar: typeof SingleBar; Presets: { shades_classic: Preset; legacy: Preset } };
  export default cliProgress;
}
