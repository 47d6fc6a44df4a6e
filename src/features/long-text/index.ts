// The hostile-content guard: every piece of untrusted text the app draws goes through one of these.
export { LongText, PREVIEW_CHARS } from './long-text';
export { SoftText } from './soft-text';
export { GuardedBlock } from './guarded-block';
export { plainReason, MARKDOWN_BLOCK_LIMIT, MARKDOWN_DEPTH_LIMIT, type PlainReason } from './markdown-guard';
export { rehypeSoftBreaks } from './rehype-soft-breaks';
export { softBreakOffsets, softBreakPieces, needsSoftBreaks, SOFT_BREAK_RUN } from './soft-breaks';
