/** One live stream: a user on a computer, as the directory names them. */
export interface LiveStreamRef {
  userId: string;
  computerId: string;
}

/** `userId/computerId`: the key the relay and the capability policy use. */
export const streamKey = (s: LiveStreamRef): string => `${s.userId}/${s.computerId}`;
