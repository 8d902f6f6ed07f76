/**
 * The Earth's heliocentric position, which is all the Sun needs: VSOP87 (P. Bretagnon and
 * G. Francou, "Planetary theories in rectangular and spherical variables: VSOP87 solutions",
 * Astronomy & Astrophysics 202, 309–315, 1988), truncated to the 51 Earth terms that
 * astronomy-engine 2.1.19 uses (Don Cross, MIT licence, https://github.com/cosinekitty/astronomy),
 * evaluated exactly as it does. Kept here so that the Sun does not pull in astronomy-engine's
 * table of every planet (and Pluto's), which its dynamic `vsop[body]` lookup makes impossible
 * to tree-shake.
 */

export type Vector3 = [number, number, number];

const DAYS_PER_MILLENNIUM = 365_250;
const TWO_PI = 2 * Math.PI;

/**
 * For each of longitude, latitude and radius: one series per power of t (Julian millennia
 * of TT from J2000), each a flat list of (amplitude, phase, frequency) triples, the term
 * being amplitude · cos(phase + frequency · t).
 */
const EARTH: readonly (readonly (readonly number[])[])[] = [
  // longitude, radians
  [
    // × t^0
    [1.75347045673, 0, 0,
     0.03341656453, 4.66925680415, 6283.0758499914,
     0.00034894275, 4.62610242189, 12566.1516999828,
     0.00003417572, 2.82886579754, 3.523118349,
     0.00003497056, 2.74411783405, 5753.3848848968,
     0.00003135899, 3.62767041756, 77713.7714681205,
     0.00002676218, 4.41808345438, 7860.4193924392,
     0.00002342691, 6.13516214446, 3930.2096962196,
     0.00001273165, 2.03709657878, 529.6909650946,
     0.00001324294, 0.74246341673, 11506.7697697936,
     0.00000901854, 2.04505446477, 26.2983197998,
     0.00001199167, 1.10962946234, 1577.3435424478,
     0.00000857223, 3.50849152283, 398.1490034082,
     0.00000779786, 1.17882681962, 5223.6939198022,
     0.0000099025, 5.23268072088, 5884.9268465832,
     0.00000753141, 2.53339052847, 5507.5532386674,
     0.00000505267, 4.58292599973, 18849.2275499742,
     0.00000492392, 4.20505711826, 775.522611324,
     0.00000356672, 2.91954114478, 0.0673103028,
     0.00000284125, 1.89869240932, 796.2980068164,
     0.00000242879, 0.34481445893, 5486.777843175,
     0.00000317087, 5.84901948512, 11790.6290886588,
     0.00000271112, 0.31486255375, 10977.078804699,
     0.00000206217, 4.80646631478, 2544.3144198834,
     0.00000205478, 1.86953770281, 5573.1428014331,
     0.00000202318, 2.45767790232, 6069.7767545534,
     0.00000126225, 1.08295459501, 20.7753954924,
     0.00000155516, 0.83306084617, 213.299095438],
    // × t^1
    [6283.0758499914, 0, 0,
     0.00206058863, 2.67823455808, 6283.0758499914,
     0.00004303419, 2.63512233481, 12566.1516999828],
    // × t^2
    [0.00008721859, 1.07253635559, 6283.0758499914],
  ],
  // latitude, radians
  [
    // × t^0
    [],
    // × t^1
    [0.00227777722, 3.4137662053, 6283.0758499914,
     0.00003805678, 3.37063423795, 12566.1516999828],
  ],
  // radius vector, AU
  [
    // × t^0
    [1.00013988784, 0, 0,
     0.01670699632, 3.09846350258, 6283.0758499914,
     0.00013956024, 3.05524609456, 12566.1516999828,
     0.0000308372, 5.19846674381, 77713.7714681205,
     0.00001628463, 1.17387558054, 5753.3848848968,
     0.00001575572, 2.84685214877, 7860.4193924392,
     0.00000924799, 5.45292236722, 11506.7697697936,
     0.00000542439, 4.56409151453, 3930.2096962196,
     0.0000047211, 3.66100022149, 5884.9268465832,
     0.00000085831, 1.27079125277, 161000.6857376741,
     0.00000057056, 2.01374292245, 83996.84731811189,
     0.00000055736, 5.2415979917, 71430.69561812909,
     0.00000174844, 3.01193636733, 18849.2275499742,
     0.00000243181, 4.2734953079, 11790.6290886588],
    // × t^1
    [0.00103018607, 1.10748968172, 6283.0758499914,
     0.00001721238, 1.06442300386, 12566.1516999828],
    // × t^2
    [0.00004359385, 5.78455133808, 6283.0758499914],
  ],
];

function series(coordinate: readonly (readonly number[])[], t: number, isAngle: boolean): number {
  let sum = 0;
  let power = 1;
  for (const terms of coordinate) {
    let part = 0;
    for (let i = 0; i < terms.length; i += 3) part += terms[i] * Math.cos(terms[i + 1] + terms[i + 2] * t);
    // Reduce each longitude part as astronomy-engine does: they reach thousands of radians.
    sum += isAngle ? (power * part) % TWO_PI : power * part;
    power *= t;
  }
  return sum;
}

/**
 * Heliocentric position of the Earth's centre, AU, in the J2000 mean equator and equinox
 * (astronomy-engine's EQJ frame), at `tt` days of Terrestrial Time from J2000.0.
 */
export function earthPosition(tt: number): Vector3 {
  const t = tt / DAYS_PER_MILLENNIUM;
  const lon = series(EARTH[0], t, true);
  const lat = series(EARTH[1], t, false);
  const radius = series(EARTH[2], t, false);
  const x = radius * Math.cos(lat) * Math.cos(lon);
  const y = radius * Math.cos(lat) * Math.sin(lon);
  const z = radius * Math.sin(lat);
  // VSOP87's dynamical ecliptic and equinox J2000 → EQJ (astronomy-engine's VsopRotate).
  return [
    x + 0.00000044036 * y - 0.000000190919 * z,
    -0.000000479966 * x + 0.917482137087 * y - 0.397776982902 * z,
    0.397776982902 * y + 0.917482137087 * z,
  ];
}
