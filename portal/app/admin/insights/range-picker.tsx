import { useNavigation, useSearchParams } from '@remix-run/react';
import { Button, ButtonGroup, Text } from '@shopify/polaris';

const options = [7, 30, 90] as const;

/** The period of a report, kept in the URL (`?range=7d`) so it can be bookmarked and shared. */
export function RangePicker({ days }: { days: number }) {
  const [params, setParams] = useSearchParams();
  const navigation = useNavigation();
  const pending = navigation.state === 'loading' ? new URLSearchParams(navigation.location.search).get('range') : null;
  return (
    <fieldset style={{ border: 0, margin: 0, padding: 0 }}>
      <legend>
        <Text as="span" visuallyHidden>
          Period
        </Text>
      </legend>
      <ButtonGroup variant="segmented">
        {options.map((option) => (
          <Button
            key={option}
            pressed={option === days}
            loading={pending === `${option}d`}
            onClick={() => {
              const next = new URLSearchParams(params);
              next.set('range', `${option}d`);
              setParams(next, { preventScrollReset: true });
            }}
          >
            {`Last ${option} days`}
          </Button>
        ))}
      </ButtonGroup>
    </fieldset>
  );
}
