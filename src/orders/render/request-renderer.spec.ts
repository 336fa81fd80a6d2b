import { customerUser, input, plan } from '../decide/decision.fixtures';
import { decideOrder } from '../decide';
import { EMPTY_INVENTORY } from '../decide/inventory';
import type { RequestData } from '../decide/request-data';
import type { RemoveUsersOrder, SubscribeOrder } from '../dto/order-requests';
import { renderOrderRequest } from './request-renderer';

const ids = { orderId: 'ord_1', subscriptionId: 'sub_1', organizationId: 'org_1' };

function requestOf(d: ReturnType<typeof decideOrder>): RequestData {
  if (!d.ok) throw new Error(d.refusal.message);
  return d.decision.request;
}

describe('the request renderer', () => {
  it("writes a simple request calling the order's procedure, its data in the layout's order, ids from the store", () => {
    const body = {
      type: 'subscribe' as const,
      plan: 'business-premium',
      domain: 'contoso.example',
      users: [{ alias: 'ann', displayName: 'Ann <"Lee"> & Co', userPlan: 'mobile-mailbox' }],
    };
    const xml = renderOrderRequest(
      requestOf(
        decideOrder(
          input<SubscribeOrder & { type: 'subscribe' }>(body, { subscription: undefined, plan: plan('business-premium'), inventory: EMPTY_INVENTORY }),
        ),
      ),
      ids,
    );
    expect(xml).toContain('<call namespace="Hosted Organization" procedure="Subscribe"/>');
    const order = [
      '<order id="ord_1"/>',
      '<subscription id="sub_1"/>',
      '<organization id="org_1" name="Contoso" domain="contoso.example"/>',
      '<features ',
      '<policies>',
      '<zone ',
      '<sites>',
      '<users>',
    ];
    const at = order.map((s) => xml.indexOf(s));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // Every value is escaped: a display name cannot open an element.
    expect(xml).toContain('displayName="Ann &lt;&quot;Lee&quot;&gt; &amp; Co"');
    expect(xml).toMatch(/<policies>\s*<policy name="pin-3-devices" requirePin="true" maxDevicesPerUser="3"\/>\s*<\/policies>/);
    // The user names its policy in a child element, which the namespace maps into Hosted User.Create.
    expect(xml).toMatch(/<user alias="ann" [^>]*activesync="true"[^>]*>\s*<policy name="pin-3-devices"\/>\s*<\/user>/);
  });

  it('writes removals with what each user had enabled', () => {
    const d = decideOrder(
      input<RemoveUsersOrder & { type: 'remove_users' }>(
        { type: 'remove_users', aliases: ['ann'] },
        { inventory: { users: [customerUser('ann', { activesync: true })] } },
      ),
    );
    const xml = renderOrderRequest(requestOf(d), ids);
    expect(xml).toContain('<organization id="org_1"/>');
    expect(xml).toContain('<user alias="ann" activesync="true" sip="false"/>');
    expect(xml).toContain('<call namespace="Hosted User" procedure="RemoveUsers"/>');
  });
});
