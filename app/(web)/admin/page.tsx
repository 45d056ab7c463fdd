// /admin — the admin area opens on its first page, users (AdminNav links the others).
import { redirect } from 'next/navigation';

export default function AdminPage() {
  redirect('/admin/users');
}
