/// The newsroom dictionary shipped with bientap: what government news is
/// written with and a general Vietnamese word list lacks. One entry a line;
/// an entry of several words adds each of them.
enum NewsroomDictionary {
    /// Abbreviations the press writes in lower case (sinh viên, học sinh, giáo viên, đại học, cao
    /// đẳng, thành phố, vận động viên, đồng đẳng viên, hội đồng xét xử, nhà xuất bản, kỹ sư, bác sĩ,
    /// tiến sĩ, thạc sĩ, giáo sư, phó giáo sư, điện thoại). Not words of the dictionary: a slip
    /// makes some of them too ("đt" for đất), so each is read as the English list's words are, a
    /// finding only where a syllable a slip away fits its neighbours ("đt đai").
    static let pressAbbreviations: Set<String> = [
        "sv", "hs", "gv", "đh", "cđ", "thpt", "thcs", "tp", "vđv", "đđv", "hđxx", "nxb", "ks", "bs", "ts", "ths", "gs", "pgs", "đt",
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
