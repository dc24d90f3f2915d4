// Talks to the console server: the page's state for one person, and the moves it sends.
/* global fetch */
import { toast } from './dialogs.js';

/** POSTs JSON; shows the answer's notice (or the failure) in the toast. */
export async function post(path, body) {
  try {
    const response = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = await response.json().catch(() => ({}));
    if (!response.ok) {
      toast(answer.notice ?? `The sandbox answered HTTP ${response.status}.`, 'error');
      return { ...answer, failed: true };
    }
    if (answer.notice) toast(answer.notice);
    return answer;
  } catch (error) {
    toast(`The sandbox is not answering (${error.message}). Is it still running?`, 'error');
    return { failed: true };
  }
}

/** Everything the page shows for `user`. */
export async function fetchState(user) {
  const response = await fetch(`/api/state?user=${encodeURIComponent(user)}`);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}
