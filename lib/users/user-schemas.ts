import { z } from "zod";
import { Role } from "@/lib/generated/prisma/enums";
import { ROLES } from "@/lib/users/role-list";

export const emailSchema = z
  .string({ error: "Email is required." })
  .trim()
  .toLowerCase()
  .max(254, "Email must be at most 254 characters.")
  .pipe(z.email({ error: "Enter a valid email address, like name@example.com." }));

export const roleSchema = z.enum(Role, {
  error: `Role must be one of: ${ROLES.join(", ")}.`,
});

export const nameSchema = z
  .string()
  .trim()
  .max(100, "Name must be at most 100 characters.")
  .transform((v) => (v === "" ? null : v))
  .nullable()
  .optional();

export const createUserSchema = z.object({
  email: emailSchema,
  name: nameSchema,
  role: roleSchema,
});

export const userIdSchema = z.uuid({ error: "Unknown user." });

export const changeRoleSchema = z.object({ userId: userIdSchema, role: roleSchema });
export const setDisabledSchema = z.object({
  userId: userIdSchema,
  disabled: z.preprocess((v) => v === true || v === "true", z.boolean()),
});
export const userRefSchema = z.object({ userId: userIdSchema });

export const totpRequiredRolesSchema = z.object({ roles: z.array(roleSchema).max(Object.keys(Role).length) });

const checkbox = z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean());
export const setSeniorReviewerSchema = z.object({ userId: userIdSchema, senior: checkbox });
export const setJumpToNextCaseSchema = z.object({ enabled: checkbox });
