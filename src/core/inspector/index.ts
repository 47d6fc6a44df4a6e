export { createRunRecorder, type RunRecorder, type RunRecorderOptions } from './recorder';
export { runTimings, roundTimings, type RunTimings, type RoundTimings, type ToolTiming } from './timings';
export {
  buildCapture,
  captureFileName,
  parseCapture,
  looksLikeCapture,
  wireText,
  CAPTURE_FORMAT,
  CAPTURE_VERSION,
  type Capture,
  type CaptureRequest,
} from './capture';
export { replayCaptureFile, decodeCaptureRequest, type CaptureReplay, type CaptureReplayEntry } from './capture-replay';
export { redactValue, redactHeaders, scrubText, REDACTED } from './redact';
export type { RecordedRun, RecordedRound, WireExchange, WireLine, TimedEvent, TransitionRecord, CallTiming } from './types';
