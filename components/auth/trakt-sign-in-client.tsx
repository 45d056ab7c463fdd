'use client';
// "Sign in with Trakt" on the login page (shown only when the server has a Trakt app configured).
import { signIn } from 'next-auth/react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';

export function TraktSignIn({ returnTo }: { returnTo: string }) {
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="secondary"
      className="w-full"
      pending={pending}
      onClick={() => {
        setPending(true);
        void signIn('trakt', { callbackUrl: returnTo });
      }}
    >
      Sign in with Trakt
    </Button>
  );
}
