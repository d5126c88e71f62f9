export {
  type AnalysisSummary,
  type FolderPayload,
  type FullFinishedPayload,
  type PluginState,
  type ResultMode,
  type ResultPayload,
  type SafePayload,
  type StatusPayload,
  shapeResult,
  summariseAnalyses,
} from './shape.js';
export { analysisVerdict, isAnalysisFinished, isFolderFinished, worstVerdict } from './status.js';
