import { notFound } from '../services/http.server'

// Any URL no other route claims gets the friendly 404 page from the root error boundary.
export async function loader() {
  notFound()
}

export async function action() {
  notFound()
}

export default function NotFound() {
  return null
}
