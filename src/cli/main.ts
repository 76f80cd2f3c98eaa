#!/usr/bin/env node
import { AppError } from "../core/kernel/errors.ts";
import { buildProgram } from "./program.ts";

// `./dev cli …`: operate a register database. A refused input (AppError) is a message and exit code 2, never a stack trace.
try {
  await buildProgram().parseAsync(process.argv);
} catch (error) {
  if (error instanceof AppError) {
    const details = error.issues.map((i) => `\n  ${i.path}: ${i.message}`).join("");
    console.error(`Error: ${error.message}${details}`);
    process.exit(2);
  }
  throw error;
}
