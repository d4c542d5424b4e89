import { data } from "react-router";

// Every unknown address lands here; the root error boundary renders the Vietnamese 404 page.
export function loader() {
  throw data(null, { status: 404 });
}

export function action() {
  throw data(null, { status: 404 });
}

// A component makes this a page route (not a resource route), so the error boundary renders.
export default function NotFound() {
  return null;
}
