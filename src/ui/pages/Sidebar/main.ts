// The staff sidebar (300 px, inside Google Sheets): inbox, conversation, manual logging, content
// records, broadcast, socialisation kit and actions. Plain DOM, one typed bridge to the server.

import { initActions, showActions } from './actions';
import { initBroadcast, showBroadcast } from './broadcast';
import { initContent, showContent } from './content';
import { initConversation, openConversation } from './conversation';
import { initInbox } from './inbox';
import { initKit, showKit } from './kit';
import { initManual } from './manual';
import { initTabs, onShow } from './tabs';

onShow((panel) => {
  if (panel === 'content') showContent();
  if (panel === 'kit') showKit();
  if (panel === 'broadcast') showBroadcast();
  if (panel === 'actions') showActions();
});

initTabs();
initConversation();
initInbox(openConversation);
initManual();
initContent();
initBroadcast();
initKit();
initActions();
