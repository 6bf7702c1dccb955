"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/safe-action";
import {
  changeUserRole,
  createUser,
  resetUserPassword,
  setSeniorReviewer,
  setUserDisabled,
} from "@/lib/users/manage-users";
import { changeRoleSchema, createUserSchema, setDisabledSchema, setSeniorReviewerSchema, userRefSchema } from "@/lib/users/user-schemas";

const ADMIN = ["admin"] as const;

export const createUserAction = authedAction({ roles: ADMIN, schema: createUserSchema }, async (input, { actor }) => {
  const { user, password } = await createUser(actor, input);
  revalidatePath("/admin/users");
  return { email: user.email, password };
});

export const changeRoleAction = authedAction({ roles: ADMIN, schema: changeRoleSchema }, async (input, { actor }) => {
  const user = await changeUserRole(actor, input.userId, input.role);
  revalidatePath("/admin/users");
  return { role: user.role };
});

export const setDisabledAction = authedAction({ roles: ADMIN, schema: setDisabledSchema }, async (input, { actor }) => {
  await setUserDisabled(actor, input.userId, input.disabled);
  revalidatePath("/admin/users");
  return { disabled: input.disabled };
});

export const resetPasswordAction = authedAction({ roles: ADMIN, schema: userRefSchema }, async (input, { actor }) => {
  const { user, password } = await resetUserPassword(actor, input.userId);
  return { email: user.email, password };
});

export const setSeniorReviewerAction = authedAction({ roles: ADMIN, schema: setSeniorReviewerSchema }, async (input, { actor }) => {
  const result = await setSeniorReviewer(actor, input.userId, input.senior);
  revalidatePath("/admin/users");
  return result;
});
