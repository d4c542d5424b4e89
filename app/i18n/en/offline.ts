import type { offlineMessages } from "../vi/offline.ts";

export const offlineEn: Record<keyof typeof offlineMessages, string> = {
  "offline.title": "Study without a connection",
  "offline.hint": "Download the course to read and do the lessons when there is no signal. What you do offline is kept on the phone and sent by itself when the connection returns.",
  "offline.download": "Download the course to this phone",
  "offline.downloading": "Downloading the course…",
  "offline.downloaded": "On this phone: {size} MB, updated at {at}.",
  "offline.update": "Download the new version",
  "offline.remove": "Remove from this phone",
  "offline.notServed": "This page is not ready for offline study yet. Open it again, then download the course once more.",
  "offline.failed": "The course could not be downloaded. Check the connection and try again.",
  "offline.waiting": "{count} entries waiting to sync: they will be sent when the connection returns.",
  "offline.refused": "{count} steps could not be sent (lesson locked, no attempts left or content changed).",
};
