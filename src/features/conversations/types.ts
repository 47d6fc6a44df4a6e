/** What the conversation UI can ask for; the app's session implements it. */
export interface ConversationActions {
  /** Opens a conversation; false (with a note shown) when a run forbids switching now. */
  navigate(id: string): boolean;
  newChat(): boolean;
  rename(id: string, title: string): Promise<void>;
  remove(id: string): void;
  undoRemove(): Promise<void>;
  search(query: string): Promise<void>;
  retrySaving(): Promise<boolean>;
  dismissNotice(): void;
  dismissPersistNote(): void;
}
