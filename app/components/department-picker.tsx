/**
 * An admin's choice of department on the pages about one department (dashboard, learning, mentoring and
 * its template): a GET form, so it works without JavaScript and the choice stays in the address.
 */
import { Form } from "@remix-run/react";
import { useT } from "~/utils/i18n";

type Department = { id: string; name: string };

/** The label and the list, for a form that asks for more than the department (the learning page's year). */
export function DepartmentSelect({ id, departments, selected }: { id: string; departments: readonly Department[]; selected: string }) {
  const t = useT();
  return (
    <>
      <label htmlFor={id}>{t("deptDash.chooseDepartment")}</label>{" "}
      <select id={id} name="department" defaultValue={selected}>
        {departments.map((d) => (
          <option key={d.id} value={d.id}>
            {d.name}
          </option>
        ))}
      </select>{" "}
    </>
  );
}

export function DepartmentPicker(props: { id: string; departments: readonly Department[]; selected: string }) {
  const t = useT();
  return (
    <Form method="get" className="inline-filter">
      <DepartmentSelect {...props} />
      <button type="submit" className="button small secondary">
        {t("deptDash.show")}
      </button>
    </Form>
  );
}
