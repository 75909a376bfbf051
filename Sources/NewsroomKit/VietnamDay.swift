import VietText

/// Vietnam's days are VietText's (the one type for Vietnam's time); named here too so that
/// everything that speaks the API's types finds it beside them.
public typealias VietnamDay = VietText.VietnamDay
