import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { InferenceSession, Tensor } from 'onnxruntime-node';

/** Output tensors of one run, by output name, as flat float32 data. */
export type ModelOutputs = Record<string, Float32Array>;

/**
 * Thin wrapper over an ONNX Runtime session: one float32 input in, float32 outputs out. Keeps
 * onnxruntime types out of the rest of the code so a different runtime could be dropped in.
 */
export class OnnxModel {
  private constructor(
    readonly name: string,
    private readonly session: InferenceSession,
  ) {}

  static async load(modelsDir: string, file: string, threads: number): Promise<OnnxModel> {
    const path = join(modelsDir, file);
    await access(path);
    const session = await InferenceSession.create(path, {
      intraOpNumThreads: threads,
      interOpNumThreads: 1,
      executionMode: 'sequential',
      graphOptimizationLevel: 'all',
      // The faceplugin exports list initialisers as graph inputs, which makes ORT warn once per
      // weight at load. Harmless, so keep the log quiet.
      logSeverityLevel: 3,
    });
    return new OnnxModel(file, session);
  }

  get inputName(): string {
    return this.session.inputNames[0] ?? 'input';
  }

  async run(input: Float32Array, dims: readonly number[]): Promise<ModelOutputs> {
    const feeds = { [this.inputName]: new Tensor('float32', input, dims) };
    const results = await this.session.run(feeds);
    const out: ModelOutputs = {};
    for (const name of this.session.outputNames) {
      const t = results[name];
      if (t && t.data instanceof Float32Array) out[name] = t.data;
    }
    return out;
  }

  async release(): Promise<void> {
    await this.session.release();
  }
}

export function softmax(logits: Float32Array | readonly number[]): number[] {
  const arr = Array.from(logits);
  const max = Math.max(...arr);
  const exps = arr.map((v) => Math.exp(v - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((v) => v / sum);
}
