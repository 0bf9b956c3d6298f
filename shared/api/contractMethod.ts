// How a contract method is declared: its input schema now, its result type as a phantom.
import type { z } from 'zod';

export function method<Result>() {
  return <Input extends z.ZodType>(input: Input) => ({ input, _result: undefined as unknown as Result });
}
