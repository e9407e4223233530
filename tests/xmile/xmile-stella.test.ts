// Stella's ways of writing XMILE: the legacy layout of Stella 10 era files (variables
// directly under <model>) and module connections named with the module's prefix
// (<connect to="hares.area">). Expected values worked by hand (Euler, dt = 1).
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../src/model/engine/index.ts';
import { loadXmile } from '../../src/model/xmile/index.ts';

const STELLA = '<header><vendor>isee systems, inc.</vendor><product version="10.0">Stella Professional</product></header>';

describe('Stella XMILE', () => {
  it('reads the legacy layout: stocks, flows and auxiliaries directly under <model>', () => {
    const xml = `<?xml version="1.0"?><xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">${STELLA}
      <sim_specs method="Euler"><start>0</start><stop>2</stop><dt>1</dt></sim_specs>
      <model>
        <stock name="Teacup Temperature"><eqn>180</eqn><outflow>Heat_Loss_to_Room</outflow></stock>
        <flow name="Heat Loss to Room"><eqn>(Teacup_Temperature - Room_Temperature) / Characteristic_Time</eqn></flow>
        <aux name="Room Temperature"><eqn>70</eqn></aux>
        <aux name="Characteristic Time"><eqn>10</eqn></aux>
        <display><stock name="Teacup Temperature" x="10" y="10"/></display>
      </model></xmile>`;
    const r = compileModel(loadXmile(xml)).run();
    // 180 − (180 − 70)/10 = 169; 169 − 9.9 = 159.1.
    expect([...r.series.get('Teacup Temperature')!].map((v) => +v.toFixed(10))).toEqual([180, 169, 159.1]);
  });

  it('connects module inputs named with the module\'s prefix, stocks as inputs included', () => {
    const xml = `<?xml version="1.0"?><xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">${STELLA}
      <sim_specs method="Euler"><start>0</start><stop>2</stop><dt>1</dt></sim_specs>
      <model><variables>
        <module name="pop"><connect to="pop.rate" from=".growth"/></module>
        <module name="twin"><connect to="twin.other" from="pop.people"/></module>
        <aux name="growth" access="output"><eqn>0.5</eqn></aux>
      </variables></model>
      <model name="pop">
        <stock name="people" access="output"><eqn>10</eqn><inflow>births</inflow></stock>
        <flow name="births"><eqn>people * rate</eqn></flow>
        <aux name="rate" access="input"><eqn>{Enter equation for use when not hooked up to other models}</eqn></aux>
      </model>
      <model name="twin"><variables>
        <stock name="other" access="input"><eqn>{Enter equation for use when not hooked up to other models}</eqn></stock>
        <aux name="double"><eqn>other * 2</eqn></aux>
      </variables></model></xmile>`;
    const r = compileModel(loadXmile(xml)).run();
    expect([...r.series.get('pop.people')!]).toEqual([10, 15, 22.5]);
    expect([...r.series.get('twin.double')!]).toEqual([20, 30, 45]);
    expect(() => loadXmile(xml.replace('to="twin.other"', 'to="twin.missing"'))).toThrow(/<module name="twin">: <connect to="twin.missing"> names no variable of the module/);
  });
});
