export { ToolCard, reviewModeFor, type ToolCardActions, type ToolCardProps } from './tool-card';
export { ReviewDialog, type ReviewDialogProps, type ReviewMode } from './review-dialog';
