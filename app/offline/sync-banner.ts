// On every page, and tiny: the service worker (app/offline/sw.ts) says how many steps made offline still wait
// to be sent, and this shows it above the page; the page says its language and when the connection returns.
const show = (text: string | null) => {
  let banner = document.getElementById("sync-banner");
  if (!text) return banner?.remove();
  if (!banner) {
    banner = document.createElement("p");
    banner.id = "sync-banner";
    banner.className = "sync-banner";
    banner.setAttribute("role", "status");
    document.body.prepend(banner);
  }
  banner.textContent = text;
};

export function listenToWorker(locale: string) {
  const worker = navigator.serviceWorker;
  if (!worker) return;
  worker.addEventListener("message", ({ data }: MessageEvent<{ type?: string; text: string | null }>) => data.type === "lantoa:sync" && show(data.text));
  const hello = () => worker.controller?.postMessage({ type: "hello", locale });
  hello();
  addEventListener("online", hello);
}
