import { memo } from 'react';
import type { UserMessage as UserMessageData } from '../../core/conversation/types';

/** The user's own words, shown as typed (plain text: never interpreted as markdown or HTML). */
export const UserMessage = memo(function UserMessage({ message }: { message: UserMessageData }) {
  return (
    <div className="flex justify-end" data-role="user">
      <div className="max-w-[85%] rounded-2xl rounded-br-md bg-indigo-600 px-4 py-2.5 text-[15px] whitespace-pre-wrap break-words text-white shadow-sm">
        {message.text}
      </div>
    </div>
  );
});
