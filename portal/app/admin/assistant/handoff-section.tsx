import { BlockStack, Card, Checkbox, FormLayout, InlineGrid, Select, Text, TextField } from '@shopify/polaris';
import { type SectionProps, type Settings, type Weekday, weekdays } from './settings-draft';

type BusinessHours = NonNullable<Settings['handoff']['businessHours']>;

const officeHours = { open: '09:00', close: '17:00' };

/** When a shopper may ask for a person, and when the team is there to answer. */
export function HandoffSection(props: SectionProps & { timezones: string[]; workspaceTimezone: string }) {
  const { draft, update, errors, readOnly } = props;
  const handoff = draft.handoff;
  const hours = handoff.businessHours;
  const setHandoff = (patch: Partial<Settings['handoff']>) =>
    update((current) => ({ ...current, handoff: { ...current.handoff, ...patch } }));
  const setHours = (change: (hours: BusinessHours) => BusinessHours) =>
    update((current) => {
      const existing = current.handoff.businessHours;
      return existing ? { ...current, handoff: { ...current.handoff, businessHours: change(existing) } } : current;
    });
  const setDay = (day: Weekday, value: { open: string; close: string } | undefined) =>
    setHours((current) => {
      const days = { ...current.days };
      if (value) days[day] = value;
      else delete days[day];
      return { ...current, days };
    });

  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          Handoff to people
        </Text>
        <FormLayout>
          <Checkbox
            label="Let shoppers ask for a person"
            helpText="The assistant offers to bring in your team when a shopper asks for a person or it cannot help. When nobody is available, the shopper can leave an email address instead."
            checked={handoff.enabled}
            onChange={(enabled) => setHandoff({ enabled })}
            disabled={readOnly}
          />
          <Checkbox
            label="Only during business hours"
            helpText="Outside these hours shoppers are asked for an email address rather than waiting for a reply."
            checked={hours !== null}
            onChange={(limited) =>
              setHandoff({
                businessHours: limited
                  ? {
                      timezone: props.workspaceTimezone,
                      days: {
                        mon: officeHours,
                        tue: officeHours,
                        wed: officeHours,
                        thu: officeHours,
                        fri: officeHours,
                      },
                    }
                  : null,
              })
            }
            disabled={readOnly || !handoff.enabled}
          />
          {hours ? (
            <BlockStack gap="300">
              <Select
                label="Time zone"
                options={
                  props.timezones.includes(hours.timezone) ? props.timezones : [hours.timezone, ...props.timezones]
                }
                value={hours.timezone}
                onChange={(timezone) => setHours((current) => ({ ...current, timezone }))}
                disabled={readOnly}
                error={errors?.['handoff.businessHours.timezone']}
              />
              <fieldset style={{ border: 0, margin: 0, padding: 0 }}>
                <legend>
                  <Text as="span" variant="bodyMd" fontWeight="medium">
                    Opening hours
                  </Text>
                </legend>
                <BlockStack gap="200">
                  {weekdays.map(({ day, name }) => {
                    const today = hours.days[day];
                    const error =
                      errors?.[`handoff.businessHours.days.${day}.close`] ??
                      errors?.[`handoff.businessHours.days.${day}.open`];
                    return (
                      <InlineGrid
                        key={day}
                        columns={['oneThird', 'oneThird', 'oneThird']}
                        gap="300"
                        alignItems="center"
                      >
                        <Checkbox
                          label={name}
                          checked={today !== undefined}
                          onChange={(open) => setDay(day, open ? officeHours : undefined)}
                          disabled={readOnly}
                        />
                        <TextField
                          label={`${name} opens`}
                          labelHidden
                          type="time"
                          autoComplete="off"
                          value={today?.open ?? ''}
                          onChange={(open) => today && setDay(day, { ...today, open })}
                          disabled={readOnly || !today}
                          error={errors?.[`handoff.businessHours.days.${day}.open`] ? true : undefined}
                        />
                        <TextField
                          label={`${name} closes`}
                          labelHidden
                          type="time"
                          autoComplete="off"
                          value={today?.close ?? ''}
                          onChange={(close) => today && setDay(day, { ...today, close })}
                          disabled={readOnly || !today}
                          error={error}
                        />
                      </InlineGrid>
                    );
                  })}
                </BlockStack>
              </fieldset>
            </BlockStack>
          ) : null}
        </FormLayout>
      </BlockStack>
    </Card>
  );
}
