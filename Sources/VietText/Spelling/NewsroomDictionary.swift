/// The newsroom dictionary shipped with bientap: what government news is
/// written with and a general Vietnamese word list lacks. One entry a line;
/// an entry of several words adds each of them.
enum NewsroomDictionary {
    /// Abbreviations the press writes in lower case, and the words they stand for. Not words of the
    /// dictionary: a slip makes some of them too ("đt" for đất), so each is read as the English
    /// list's words are, a finding where a syllable a slip away fits its neighbours ("đt đai"), and
    /// elsewhere a style note naming the words to write out in official prose.
    static let pressAbbreviations: [String: String] = [
        "sv": "sinh viên", "hs": "học sinh", "gv": "giáo viên", "đh": "đại học", "cđ": "cao đẳng",
        "thpt": "trung học phổ thông", "thcs": "trung học cơ sở", "tp": "thành phố", "vđv": "vận động viên",
        "đđv": "đồng đẳng viên", "hđxx": "hội đồng xét xử", "nxb": "nhà xuất bản", "ks": "kỹ sư", "bs": "bác sĩ",
        "ts": "tiến sĩ", "ths": "thạc sĩ", "gs": "giáo sư", "pgs": "phó giáo sư", "đt": "điện thoại",
    ]

    static let text = """
    # Loanwords and brand names common in the press
    Internet website web fanpage online offline email e-mail video clip camera
    Zalo Facebook YouTube TikTok Google Microsoft Windows Android iOS iPhone Apple Samsung
    Viettel VNPT MobiFone Vinaphone FPT Petrolimex EVN Vietcombank Agribank BIDV VietinBank
    Covid SARS-CoV-2 vaccine virus smartphone laptop app wifi WiFi Bluetooth blockchain
    rubella vaccine infographic podcast e-magazine longform megastory chatbot AI livestream
    festival marathon golf resort homestay tour showroom voucher karaoke fitness
    container logistics marketing startup livestream selfie hashtag download upload
    IPv4 IPv6 HTTPS DNS QR PDF Word Excel PowerPoint Portal portal
    GDP FDI ODA PCI PAPI ASEAN APEC WTO UNESCO UNICEF WHO
    mét kilômét kilogam tấn hecta héc-ta ha km kg mm cm
    # Peoples and places whose names fall outside the syllable grammar
    Đắk Lắk Nông Kon Tum Plei Ku Krông Pắc Búk Jrai Ê Đê Ba Na Xơ Đăng Hrê H'rê Cor Ca Dong
    H'Mông Mông Ơ Đu Chơ Ro K'Ho Mạ Xtiêng Raglai Bru Vân Kiều Pa Kô Tà Ôi
    Pleiku Buôn Ma Thuột Gia Lai Đắk Tô Ia Grai Đức Cơ Chư Prông Chư Sê Krông Pa
    # Provinces and cities
    Quảng Ngãi Quảng Nam Quảng Trị Quảng Bình Quảng Ninh Bình Định Phú Yên Khánh Hòa
    Hà Nội Huế Đà Nẵng Thành phố Hồ Chí Minh Cần Thơ Hải Phòng Lý Sơn Ba Tơ Trà Bồng
    """
}
