// The App Home tab: whenever someone opens it, publish their next shifts and who is on call now.
import type { App } from '@slack/bolt';
import { isUserFacingError } from '../errors.js';
import type { OncallReader } from '../oncall/oncall-reader.js';
import { renderAppHome, type HomeView } from './views/app-home-view.js';

/** Requests from the Home tab see the teams the user belongs to, as in a direct message. */
const homeOrigin = (userId: string) => ({ channelId: 'D0APPHOME', userId });

export async function homeTabFor(reader: OncallReader, userId: string): Promise<HomeView> {
  try {
    const [now, mine] = await Promise.all([
      reader.now(homeOrigin(userId)),
      reader.mine(homeOrigin(userId)),
    ]);
    return renderAppHome({ now, mine });
  } catch (error) {
    if (isUserFacingError(error)) return renderAppHome({ notice: error.message });
    throw error;
  }
}

export function registerAppHome(app: App, reader: OncallReader): void {
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    await client.views.publish({ user_id: event.user, view: await homeTabFor(reader, event.user) });
  });
}
