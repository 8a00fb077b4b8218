import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { Button, Card, FormLayout, Page, AppProvider as PolarisAppProvider, Text, TextField } from '@shopify/polaris';
import polarisStyles from '@shopify/polaris/build/esm/styles.css?url';
import en from '@shopify/polaris/locales/en.json';
import { LoginErrorType } from '@shopify/shopify-app-remix/server';
import { useState } from 'react';
import { shopifyFor } from '../shopify.server';

/**
 * Opening the app outside the Shopify admin: the merchant names their shop and
 * is sent to Shopify, which installs the app (or opens it) and brings them back embedded.
 */
export const links = () => [{ rel: 'stylesheet', href: polarisStyles }];
export const meta = () => [{ title: 'Log in · Closer for Shopify' }];

async function logIn({ request, context }: LoaderFunctionArgs | ActionFunctionArgs) {
  const error = await shopifyFor(context).login(request);
  if (error.shop === LoginErrorType.MissingShop) return { shopError: 'Enter your shop domain.' };
  if (error.shop === LoginErrorType.InvalidShop) return { shopError: 'Enter a domain like example.myshopify.com.' };
  return { shopError: undefined };
}

export const loader = logIn;
export const action = logIn;

export default function Login() {
  const loaded = useLoaderData<typeof loader>();
  const submitted = useActionData<typeof action>();
  const [shop, setShop] = useState('');
  return (
    <PolarisAppProvider i18n={en}>
      <Page narrowWidth>
        <Card>
          <Form method="post">
            <FormLayout>
              <Text variant="headingMd" as="h1">
                Log in to Closer
              </Text>
              <TextField
                type="text"
                name="shop"
                label="Shop domain"
                helpText="example.myshopify.com"
                value={shop}
                onChange={setShop}
                autoComplete="on"
                error={(submitted ?? loaded).shopError}
              />
              <Button submit variant="primary">
                Log in
              </Button>
            </FormLayout>
          </Form>
        </Card>
      </Page>
    </PolarisAppProvider>
  );
}
