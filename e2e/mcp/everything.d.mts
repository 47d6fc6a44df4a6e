export interface EverythingServer {
  origin: string;
  url: string;
  close(): Promise<void>;
}
export function startEverythingServer(options: { port: number }): Promise<EverythingServer>;
