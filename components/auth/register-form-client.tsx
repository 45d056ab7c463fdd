'use client';
// Sign-up (open, or with an invite code), or choosing the password of an account an admin added;
// then straight in.
import { signIn } from 'next-auth/react';
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { useFormErrors } from '@/components/forms/use-form-errors';
import { useRegister } from '@/components/queries/use-account';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { UsernameField } from '@/components/ui/preset-fields';

const PLACEMENT = {
  fields: ['username', 'password', 'confirm', 'email', 'invite'],
  codes: { username_taken: 'username', email_taken: 'email', invite_required: 'invite' },
  linked: { password: ['confirm'] },
} as const;

interface RegisterFormProps {
  needsInvite?: boolean;
  initialInvite?: string;
  /** The account an admin added, whose invite link this is: its username is fixed. */
  account?: { username: string; code: string };
  /** The server activates new accounts by email: the address is needed, and sign-in waits for the link. */
  emailRequired?: boolean;
}

export function RegisterForm({ needsInvite = false, initialInvite, account, emailRequired = false }: RegisterFormProps) {
  const register = useRegister();
  const errors = useFormErrors(register.error, PLACEMENT);
  const [pending, setPending] = useState(false);
  const [signInFailed, setSignInFailed] = useState(false);
  const [activationSentTo, setActivationSentTo] = useState<string | null>(null);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const username = account?.username ?? String(form.get('username') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const email = String(form.get('email') ?? '').trim();
    const invite = account?.code ?? String(form.get('invite') ?? '').trim();
    if (password !== String(form.get('confirm') ?? '')) {
      errors.setLocal({ fields: { confirm: 'The two passwords are not the same.' } });
      return;
    }
    if (emailRequired && !account && !email) {
      errors.setLocal({ fields: { email: 'Enter your email address: the activation link is sent there.' } });
      return;
    }
    errors.setLocal({});
    setPending(true);
    try {
      const user = await register.mutateAsync({ username, password, ...(email ? { email } : {}), ...(invite ? { invite } : {}) });
      if (!user.active) {
        setActivationSentTo(user.email ?? email);
        setPending(false);
        return;
      }
      const res = await signIn('credentials', { username, password, redirect: false });
      if (res?.ok && !res.error) {
        window.location.assign('/');
        return;
      }
      setSignInFailed(true);
    } catch {
      // The mutation's error is on screen.
    }
    setPending(false);
  }

  if (activationSentTo) {
    return (
      <Alert tone="success">
        Almost there: we sent an activation link to <strong>{activationSentTo}</strong>. Open it to activate your account, then sign in.
        No mail after a few minutes? <Link href="/activate" className="font-semibold underline">Send it again</Link>.
      </Alert>
    );
  }

  if (signInFailed) {
    return (
      <Alert tone="success">
        Your account is ready. <Link href="/login" className="font-semibold underline">Sign in</Link> to continue.
      </Alert>
    );
  }

  const { fields } = errors;
  const inviteProblem = account ? fields.invite : undefined;
  return (
    <form onSubmit={submit} onChange={errors.onChange} className="space-y-4" noValidate>
      {(errors.form ?? inviteProblem) && <Alert tone="error">{errors.form ?? inviteProblem}</Alert>}
      {account ? (
        <TextField label="Username" name="username" value={account.username} readOnly autoComplete="username" />
      ) : (
        <UsernameField error={fields.username} />
      )}
      {!account && (
        <TextField
          label={emailRequired ? 'Email' : 'Email (optional)'}
          name="email"
          type="email"
          autoComplete="email"
          required={emailRequired}
          hint={emailRequired ? 'Your account is activated by a link sent to this address.' : undefined}
          error={fields.email}
        />
      )}
      <TextField label="Password" name="password" type="password" autoComplete="new-password" required hint="At least 8 characters." error={fields.password} autoFocus={!!account} />
      <TextField label="Confirm password" name="confirm" type="password" autoComplete="new-password" required error={fields.confirm} />
      {needsInvite && !account && (
        <TextField
          label="Invite code"
          name="invite"
          autoComplete="off"
          spellCheck={false}
          required
          defaultValue={initialInvite}
          hint="Ask the admin of this server for a code."
          error={fields.invite}
        />
      )}
      <Button type="submit" pending={pending} className="w-full">
        {account ? 'Set password and sign in' : 'Create account'}
      </Button>
    </form>
  );
}
