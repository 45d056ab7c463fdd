// /admin — users are the only admin area so far.
import { redirect } from 'next/navigation';

export default function AdminPage() {
  redirect('/admin/users');
}
