/** What the conversation UI can ask for; the app's session implements it. */
export interface ConversationActions {
  /** Opens a conversation (runs elsewhere go on); `focusApproval` takes the user to the call waiting there. */
  navigate(id: string, options?: { focusApproval?: boolean }): boolean;
  newChat(): boolean;
  rename(id: string, title: string): Promise<void>;
  remove(id: string): void;
  undoRemove(): Promise<void>;
  search(query: string): Promise<void>;
  retrySaving(): Promise<boolean>;
  dismissNotice(): void;
  dismissPersistNote(): void;
}
