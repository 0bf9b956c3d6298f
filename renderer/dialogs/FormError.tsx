// Why a form could not be used, announced as it appears (role=alert); nothing while all is well.
interface FormErrorProps {
  message: string | null;
  /** Forms laid out inline (save filter) style their error differently. */
  className?: string;
}

export function FormError({ message, className = 'form-error' }: FormErrorProps) {
  if (!message) return null;
  return (
    <p className={className} role="alert">
      {message}
    </p>
  );
}
